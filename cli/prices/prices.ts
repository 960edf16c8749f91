export async function runPrices(_args: readonly string[]): Promise<string> {
  return "";
}
