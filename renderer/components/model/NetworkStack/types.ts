/** NetworkStack reads the editor from context: the input, the hidden layers (a drop zone) and the output. */
export type NetworkStackProps = Record<string, never>;
