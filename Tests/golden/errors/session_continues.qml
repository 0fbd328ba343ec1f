# code after a caught error keeps running normally
let a = try { error("first") } catch e { 0 }
let b = a + 1
print(b)  # expect: 1
