// How the server's Node process is started, shared by every launcher this project has: the VS Code client, the
// benchmark, the Neovim test and the README's editor snippets.
//
// A language server lives long and holds one parse of each open draft, and a check allocates far more than it
// keeps. With V8's defaults, the young generation grows to 32 MB on a long draft and the old generation to about twice
// what is live before it is collected: about 190 MB resident after a 1 MB draft, of which about 30 MB is live.
// A 4 MB semi-space and a 20 % growth step keep it near 115 MB, for about 10 % more time on a full check of a
// 1 MB draft and none measurable on a 10,000-word one (bench/, README "Performance").

/** Node options for the server process (`node <flags> dist/server.js`). */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=20'];

/**
 * Environment for the server process, on top of the editor's. glibc raises its mmap threshold each time a large
 * block it mapped is freed (up to 32 MB), and its trim threshold to twice that: from then on Node's large buffers (a
 * 1 MB draft's message, its diagnostics' JSON) come from the malloc heap, and what they free there stays resident.
 * Setting the threshold to glibc's initial value turns that adjustment off: about 12 MB less resident after a 1 MB
 * draft (100–105 MB against 109–119 MB in the benchmark's session). Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** SERVER_ENV as NAME=VALUE words, as a shell line or /proc/PID/environ has them. */
export const SERVER_ENV_PAIRS: readonly string[] = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`);
