-- Build a list of a million squares one append at a time, then add them up.
local function squares()
  local xs = {}
  for i = 0, 1000000 - 1 do
    xs[#xs + 1] = i * i
  end
  local s = 0
  for _, x in ipairs(xs) do
    s = s + x
  end
  return s
end

print(squares())
