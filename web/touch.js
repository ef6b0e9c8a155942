// Touch on Effleura's page (tablets, touch screens in a waiting room). One finger is Emscripten's
// GLFW own: it turns a touch into the left mouse button, which orbits the camera as a drag does
// on the desktop. Two fingers are handled here, before GLFW sees them: their midpoint drags with
// the right button (pan, as on the desktop) and their spread becomes wheel steps (zoom).
(() => {
  const stage = document.getElementById('stage');
  const canvas = document.getElementById('canvas');
  const kPixelsPerWheelStep = 40;  // finger spread (CSS px) for one wheel notch: a comfortable pinch
  let pinch = null;                // {spread, x, y} while two fingers are down

  const mouse = (type, x, y, button) => canvas.dispatchEvent(new MouseEvent(type, {
    clientX: x, clientY: y, button, buttons: type === 'mouseup' ? 0 : 1 << button, bubbles: true, cancelable: true }));
  const midpoint = (t) => ({ x: (t[0].clientX + t[1].clientX) / 2, y: (t[0].clientY + t[1].clientY) / 2 });
  const spread = (t) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
  const swallow = (e) => { e.preventDefault(); e.stopPropagation(); };

  stage.addEventListener('touchstart', (e) => {
    if (e.touches.length < 2) return;  // one finger: GLFW's left button
    swallow(e);
    if (pinch) return;
    const first = e.touches[0];
    mouse('mouseup', first.clientX, first.clientY, 0);  // the one-finger orbit ends here
    const m = midpoint(e.touches);
    pinch = { spread: spread(e.touches), x: m.x, y: m.y };
    mouse('mousemove', m.x, m.y, 2);
    mouse('mousedown', m.x, m.y, 2);
  }, { capture: true, passive: false });

  stage.addEventListener('touchmove', (e) => {
    if (!pinch) return;
    swallow(e);
    if (e.touches.length < 2) return;
    const m = midpoint(e.touches);
    mouse('mousemove', m.x, m.y, 2);
    const s = spread(e.touches);
    const steps = Math.trunc((s - pinch.spread) / kPixelsPerWheelStep);
    if (steps !== 0) {  // spreading the fingers zooms in, as the wheel turned away from the user
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -100 * steps, deltaMode: 0, clientX: m.x, clientY: m.y,
                                                     bubbles: true, cancelable: true }));
      pinch.spread += steps * kPixelsPerWheelStep;
    }
  }, { capture: true, passive: false });

  const end = (e) => {
    if (!pinch) return;
    swallow(e);
    if (e.touches.length >= 2) return;
    const t = e.changedTouches[0];
    mouse('mouseup', t.clientX, t.clientY, 2);
    pinch = null;  // a finger left on the glass only hovers until it is lifted
  };
  stage.addEventListener('touchend', end, { capture: true, passive: false });
  stage.addEventListener('touchcancel', end, { capture: true, passive: false });
})();
