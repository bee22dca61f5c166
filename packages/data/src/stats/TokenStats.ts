/** Token counts over a dataset's pairs. */
export interface TokenStats {
  total: number;
  mean: number;
  min: number;
  max: number;
}
