# |> binds looser than arithmetic: 1 + 2 |> f is f(1 + 2)
fn double(x) { x * 2 }
print(1 + 2 |> double)  # expect: 6
