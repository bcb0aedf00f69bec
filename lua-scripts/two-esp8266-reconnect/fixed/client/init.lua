-- Station board, fixed: reconnects when the connection drops (server power loss, out of range).
-- The "disconnection" callback forgets the socket; a retry timer makes a new one once WiFi is back.
print("ESP8266 Client")
wifi.setmode(wifi.STATION)
wifi.sta.config("espdesk-demo", "demo1234")

local cl, connected = nil, false

local function connect()
  if wifi.sta.getip() == nil then
    print("Connecting...")
    return                       -- the retry timer tries again
  end
  cl = net.createConnection(net.TCP, 0)
  cl:on("connection", function(c)
    connected = true
    print("Connected!")
  end)
  cl:on("disconnection", function(c)
    connected = false
    cl = nil
    print("Disconnected!")
  end)
  cl:connect(80, "192.168.4.1")
end

tmr.alarm(1, 2000, tmr.ALARM_AUTO, function()   -- retry timer
  if cl == nil then connect() end
end)

tmr.alarm(2, 5000, tmr.ALARM_AUTO, function()
  if connected then cl:send("Hello World!") end
end)
