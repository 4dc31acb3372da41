/** Sums the samples of one Prometheus counter whose labels match `labelFilter` (e.g. /outcome="joined"/). */
export async function counterSum(baseUrl: string, name: string, labelFilter?: RegExp): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labelFilter && !labelFilter.test(line)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
