# a function may use a top-level constant declared after it, once that has run
fn scaled() { factor * 2 }
let factor = 21
print(scaled())      # expect: 42
