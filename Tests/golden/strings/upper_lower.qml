# upper and lower change letter case
print(upper("abc"))  # expect: ABC
print(lower("MiXeD"))  # expect: mixed
