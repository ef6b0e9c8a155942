// Touch and the wheel on Effleura's page (tablets, touch screens in a waiting room). Emscripten 3.1.6's GLFW
// reads a touch as a mouse button at the last mouse position and never moves it, so a finger
// could not orbit (the browser test found this). Every touch is therefore turned into mouse
// events here, before GLFW sees it: one finger drags with the left button (orbit, as on the
// desktop); with two, their midpoint drags with the right button (pan) and their spread becomes
// wheel steps (zoom).
(() => {
  const stage = document.getElementById('stage');
  const canvas = document.getElementById('canvas');
  const kPixelsPerWheelStep = 40;  // finger spread (CSS px) for one wheel notch: a comfortable pinch
  let orbit = null;                // {x, y} while one finger drags
  let pinch = null;                // {spread, x, y} while two fingers are down

  const mouse = (type, x, y, button) => canvas.dispatchEvent(new MouseEvent(type, {
    clientX: x, clientY: y, button, buttons: type === 'mouseup' ? 0 : 1 << button, bubbles: true, cancelable: true }));
  const midpoint = (t) => ({ x: (t[0].clientX + t[1].clientX) / 2, y: (t[0].clientY + t[1].clientY) / 2 });
  const spread = (t) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
  // Swallowed in the capture phase on the canvas's parent: GLFW's own touch listeners (on the
  // canvas) never run, and the browser makes no mouse events of its own from the touch.
  const swallow = (e) => { e.preventDefault(); e.stopPropagation(); };

  stage.addEventListener('touchstart', (e) => {
    swallow(e);
    if (e.touches.length === 1 && !pinch) {
      const t = e.touches[0];
      orbit = { x: t.clientX, y: t.clientY };
      mouse('mousemove', t.clientX, t.clientY, 0);  // GLFW's cursor first, then the press there
      mouse('mousedown', t.clientX, t.clientY, 0);
      return;
    }
    if (e.touches.length < 2 || pinch) return;
    if (orbit) mouse('mouseup', orbit.x, orbit.y, 0);  // the one-finger orbit ends here
    orbit = null;
    const m = midpoint(e.touches);
    pinch = { spread: spread(e.touches), x: m.x, y: m.y };
    mouse('mousemove', m.x, m.y, 2);
    mouse('mousedown', m.x, m.y, 2);
  }, { capture: true, passive: false });

  stage.addEventListener('touchmove', (e) => {
    swallow(e);
    if (orbit && e.touches.length === 1) {
      const t = e.touches[0];
      orbit = { x: t.clientX, y: t.clientY };
      mouse('mousemove', t.clientX, t.clientY, 0);
      return;
    }
    if (!pinch || e.touches.length < 2) return;
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
    swallow(e);
    if (orbit && e.touches.length === 0) {
      mouse('mouseup', orbit.x, orbit.y, 0);
      orbit = null;
      return;
    }
    if (!pinch || e.touches.length >= 2) return;
    const t = e.changedTouches[0];
    mouse('mouseup', t.clientX, t.clientY, 2);
    pinch = null;  // a finger left on the glass only hovers until it is lifted
  };
  stage.addEventListener('touchend', end, { capture: true, passive: false });
  stage.addEventListener('touchcancel', end, { capture: true, passive: false });

  // The wheel (and the pinch above). Emscripten 3.1.6's GLFW hands the browser's raw deltaY to
  // the scroll callback: -100 for one notch away from the user, where the desktop's GLFW gives
  // +1. Unchanged, a notch zoomed out ten steps at once and the panels scrolled the wrong way
  // (the browser test's pinch found it). Each wheel event is replaced by one in the desktop's
  // units and direction: notches, positive away from the user.
  const kPixelsPerNotch = 100, kPixelsPerLine = 33, kPixelsPerPage = 800;
  stage.addEventListener('wheel', (e) => {
    if (e.effleuraNotches) return;  // already in the desktop's units
    swallow(e);
    const px = e.deltaY * (e.deltaMode === 1 ? kPixelsPerLine : e.deltaMode === 2 ? kPixelsPerPage : 1);
    const w = new WheelEvent('wheel', { deltaY: -px / kPixelsPerNotch, deltaMode: 0, clientX: e.clientX,
                                        clientY: e.clientY, bubbles: true, cancelable: true });
    w.effleuraNotches = true;
    canvas.dispatchEvent(w);
  }, { capture: true, passive: false });
})();
