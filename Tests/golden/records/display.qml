# records print as {key: value, ...} in insertion order
print({lr: 0.5})  # expect: {lr: 0.5}
print({a: 1, b: "x"})  # expect: {a: 1, b: "x"}
