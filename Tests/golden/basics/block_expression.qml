# a block is an expression whose value is its last expression
let v = {
    let a = 2
    a * 3
}
print(v)  # expect: 6
