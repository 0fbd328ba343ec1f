# a parameter shadows a top-level name of the same name only inside the function
let x = 100
fn bump(x) { x + 1 }
print(bump(1))  # expect: 2
print(x)  # expect: 100
