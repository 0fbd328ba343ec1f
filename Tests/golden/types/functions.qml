# declared functions and lambdas are both functions
fn f(x) { x }
print(type(f))  # expect: function
print(type(|x| x))  # expect: function
