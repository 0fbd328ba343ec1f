# builtins work on the right of |>
print(16 |> sqrt)  # expect: 4.0
print([1, 2, 3] |> sum)  # expect: 6
print("a,b" |> split(","))  # expect: ["a", "b"]
