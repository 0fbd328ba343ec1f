# A helper module for the import tests: a function and a value.
fn double(x) { x * 2 }
let answer = 42
