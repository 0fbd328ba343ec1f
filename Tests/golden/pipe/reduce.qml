# reduce through a pipe: the list is the first argument
print([1, 2, 3, 4] |> reduce(0, |acc, x| acc + x))  # expect: 10
