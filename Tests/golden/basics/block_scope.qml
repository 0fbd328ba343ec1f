# a let inside a block shadows an outer name only inside that block
let x = 1
if true {
    let x = 2
    print(x)  # expect: 2
}
print(x)  # expect: 1
