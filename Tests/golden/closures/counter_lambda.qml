# a counter made with a lambda that updates a captured var
fn make_counter() {
    var n = 0
    || {
        n += 1
        n
    }
}
let c = make_counter()
c()
print(c())  # expect: 2
