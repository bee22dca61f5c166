/**
 * The bigger-number task's true rule, on any text: the first integer of `response` is the
 * biggest of the numbers listed in `prompt` (`Max 37 52 18?`). A response with no
 * number, or a prompt with fewer than two, fails.
 */
export function checkBiggerNumber(prompt: string, response: string): boolean {
  const listed = /Max ([\d ]+)\?/.exec(prompt);
  if (!listed) return false;
  const numbers = listed[1].trim().split(/\s+/).map(Number);
  if (numbers.length < 2) return false;
  const answer = /\d+/.exec(response);
  return answer !== null && Number(answer[0]) === Math.max(...numbers);
}
