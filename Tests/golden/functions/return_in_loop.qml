# return from inside a loop ends the whole function
fn first_over(xs, limit) {
    for x in xs {
        if x > limit { return x }
    }
    -1
}
print(first_over([1, 5, 9, 12], 6))  # expect: 9
print(first_over([1, 2], 6))  # expect: -1
