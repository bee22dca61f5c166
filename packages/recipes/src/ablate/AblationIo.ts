/** Where an ablation or the demo prints: the table on stdout, progress on stderr. */
export interface AblationIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}
