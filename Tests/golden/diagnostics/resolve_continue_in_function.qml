# continue in a function but outside a loop
fn f() {
    continue
}
# expect error: 3:5: `continue` outside a loop
