# a |> f calls f(a)
fn double(x) { x * 2 }
print(5 |> double)  # expect: 10
