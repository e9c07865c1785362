// Baseline: same run_at and the same navigation signal as the real extension, nothing else.
const frame = document.createElement('iframe');
frame.style.cssText = 'position:fixed;top:0;right:0;width:440px;height:100vh;border:0;z-index:2147483646';
function show(href) {
  const id = /[?&]id=(\d+)/.exec(href)?.[1];
  if (!id) return frame.remove();
  frame.src = `https://acme.immy.bot/technician-pod/psa/619/ticket/${id}`;
  if (!frame.isConnected) document.documentElement.append(frame);
}
show(location.href);
navigation.addEventListener('navigate', (event) => show(event.destination.url));
