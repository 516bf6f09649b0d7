/** Props of NetworkInput. */
export interface NetworkInputProps {
  /** How many features the network takes, or null before a dataset is loaded. */
  features: number | null;
}
