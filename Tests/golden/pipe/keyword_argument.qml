# keyword arguments follow the piped value
fn scaled(x, by: 2.0) { x * by }
print(3 |> scaled(by: 4))  # expect: 12
print(3 |> scaled)  # expect: 6.0
