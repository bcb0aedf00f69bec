-- One TCP server on the office network. The ESP8266's lwIP keeps at most 5 TCP connections:
-- a sixth client is refused with a reset.
wifi.setmode(wifi.STATION)
wifi.sta.config("Office", "office123")
local n = 0
srv = net.createServer(net.TCP, 300)
srv:listen(80, function(conn)
  n = n + 1
  print("client " .. n .. " connected from", conn:getpeer())
end)
tmr.alarm(0, 50000, tmr.ALARM_SINGLE, function() print("connected clients: " .. n) end)
