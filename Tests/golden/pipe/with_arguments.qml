# a |> f(b) calls f(a, b): the piped value comes first
fn sub(a, b) { a - b }
print(10 |> sub(3))  # expect: 7
