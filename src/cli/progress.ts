import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar with rate and ETA on a terminal; plain lines (at most every two seconds) when output is piped. */
export function progress(label: string, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
        stream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let begun = false;
    return {
      update(done, total) {
        const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
        if (!begun) {
          bar.start(total, done, { rate });
          begun = true;
        } else bar.update(done, { rate });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  const started = Date.now();
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 2000 && done < total) return;
      last = now;
      const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
      stream.write(`${label}: ${done}/${total} ${unit} (${rate} ${unit}/s)\n`);
    },
    stop() {},
  };
}
