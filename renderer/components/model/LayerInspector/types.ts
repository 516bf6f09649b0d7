/** LayerInspector edits the selected layer (from context) with the engine's messages beside each field. */
export type LayerInspectorProps = Record<string, never>;
