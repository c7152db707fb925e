// Ink imports react-devtools-core lazily when DEV=true; the bundle never ships it.
// esbuild aliases the module to this stub so the import resolves without the package.
const devtools = {
	connectToDevTools() {},
	initialize() {},
};
export default devtools;
