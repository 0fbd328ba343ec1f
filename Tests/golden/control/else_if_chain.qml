# else if chains pick the first true branch
fn classify(x) {
    if x < 0 { "negative" } else if x == 0 { "zero" } else { "positive" }
}
print(classify(-3))  # expect: negative
print(classify(0))  # expect: zero
print(classify(8))  # expect: positive
