console.log("build-wasm: nothing to build yet")
