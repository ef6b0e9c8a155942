// The start-up cache in the page (scripts/web.sh links this with --pre-js). The desktop program
// keeps the imported models and the fitted leg surface in ~/.cache/effleura (core/cache_file.cpp)
// so that a second start skips that work; the page's own files live in memory and are gone on
// reload. Here the cache folder is IndexedDB through Emscripten's IDBFS: read in before main()
// runs, written back after the first frame, whose drawing builds the levels of detail
// (web_main.cpp calls Module.effleuraSaveCache). Where the browser keeps no IndexedDB (some private windows), the
// program gets no cache folder at all rather than one in memory that could never be a hit.
Module.preRun = Module.preRun || [];
Module.preRun.push(() => {
  const dir = '/cache';
  const noCache = () => { ENV.HOME = ''; delete ENV.XDG_CACHE_HOME; };
  try {
    FS.mkdir(dir);
    FS.mount(IDBFS, {}, dir);
  } catch (e) {
    noCache();
    return;
  }
  addRunDependency('effleura-cache');
  FS.syncfs(true, (error) => {
    if (error) noCache(); else ENV.XDG_CACHE_HOME = dir;  // cache_directory() adds /effleura
    Module.effleuraCacheReady = !error;
    removeRunDependency('effleura-cache');
  });
});
// Writes what the program added to the cache folder back to IndexedDB; true when it has.
Module.effleuraCacheSaved = false;
Module.effleuraSaveCache = () => {
  if (!Module.effleuraCacheReady) return;
  FS.syncfs(false, (error) => {
    if (error) console.warn('effleura: the start-up cache was not kept: ' + error);
    else Module.effleuraCacheSaved = true;
  });
};
