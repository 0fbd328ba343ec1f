# the value of an if branch is the last expression of its block
let v = if true {
    let a = 2
    a * 5
} else {
    0
}
print(v)  # expect: 10
