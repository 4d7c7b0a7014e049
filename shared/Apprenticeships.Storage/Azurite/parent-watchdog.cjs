// Preloaded into Azurite's node process (node -r parent-watchdog.cjs azurite.js ...).
// The .NET process that started Azurite holds our stdin open. When that process closes it
// (an orderly stop) or dies without a word (SIGKILL, a crashed test host), the pipe ends:
// then ask Azurite to shut down the way Ctrl+C does, so it saves its data files, and make
// sure we are gone soon after even if it hangs. An emulator never outlives its owner.
function stop() {
  process.kill(process.pid, 'SIGINT');
  setTimeout(() => process.exit(0), 5000).unref();
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
