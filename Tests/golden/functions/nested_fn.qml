# a function may be declared inside another
fn outer(x) {
    fn helper(y) { y * 10 }
    helper(x) + 1
}
print(outer(4))  # expect: 41
