/** What a number field holds, read from its input event. */

/** A number input whose change event is being read (only its text matters). */
interface NumberInputEvent {
  currentTarget: { value: string };
}

/** The field's number; an empty field is NaN, so the engine's check says the value is missing. */
export function numberInput(e: NumberInputEvent): number {
  return e.currentTarget.value.trim() === '' ? Number.NaN : Number(e.currentTarget.value);
}

/** The field's number, or undefined when it is empty (the setting then takes its default). */
export function optionalNumberInput(e: NumberInputEvent): number | undefined {
  return e.currentTarget.value.trim() === '' ? undefined : Number(e.currentTarget.value);
}
