# an error inside a function is reported where it happens
fn inner(x) {
    x / 0
}
fn outer(x) { inner(x) }
outer(1)
# expect error: 3:7: division by zero
