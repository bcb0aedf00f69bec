-- A client of the office server: says whether its connection was accepted or refused.
wifi.setmode(wifi.STATION)
wifi.sta.config("Office", "office123")
local t = tmr.create()
t:alarm(500, tmr.ALARM_AUTO, function()
  if wifi.sta.getip() then
    t:unregister()
    local c = net.createConnection(net.TCP, 0)
    c:on("connection", function() print("accepted") end)
    c:on("disconnection", function() print("refused") end)
    c:connect(80, "192.168.10.2")
  end
end)
