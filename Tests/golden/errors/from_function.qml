# an error raised inside a function is caught by the caller's try
fn check(x) {
    if x < 0 { error("negative: {x}") }
    x
}
let r = try { check(-2) } catch e { e.message }
print(r)  # expect: negative: -2
print(check(3))  # expect: 3
