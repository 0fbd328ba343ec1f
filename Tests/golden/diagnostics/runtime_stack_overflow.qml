# runaway recursion becomes a stack overflow error
fn down(n) { down(n + 1) }
down(0)
# expect error: 2:14: stack overflow: more than 10000 nested calls
