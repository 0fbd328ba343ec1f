# a function that changes its copy of an argument does not change the caller's list
fn add_one(xs) {
    var ys = xs
    ys.append(1)
    ys
}
let orig = [0]
let grown = add_one(orig)
print(orig)  # expect: [0]
print(grown)  # expect: [0, 1]
