# a function returned from a function keeps its own captured var alive
fn make_counter() {
    var n = 0
    fn next() {
        n = n + 1
        n
    }
    next
}
let c = make_counter()
print(c())  # expect: 1
print(c())  # expect: 2
print(c())  # expect: 3
let other = make_counter()
print(other())  # expect: 1
print(c())  # expect: 4
