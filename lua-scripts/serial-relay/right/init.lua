-- Right board: joins the left board's network and relays its UART over TCP, byte for byte.
wifi.setmode(wifi.STATION)
wifi.sta.config("relay", "relay1234")
uart.setup(0, 115200, 8, uart.PARITY_NONE, uart.STOPBITS_1, 0)

local sock, up, pending, busy = nil, false, "", false

local function pump()
  if not up or busy or #pending == 0 then return end
  local chunk = pending:sub(1, 1460)
  pending = pending:sub(1461)
  busy = true
  sock:send(chunk)
end

uart.on("data", 0, function(data)
  pending = pending .. data
  pump()
end, 0)

local function connect()
  sock = net.createConnection(net.TCP, 0)
  sock:on("connection", function(c) up = true pump() end)
  sock:on("receive", function(c, data) uart.write(0, data) end)
  sock:on("sent", function(c) busy = false pump() end)
  sock:on("disconnection", function(c) up = false busy = false sock = nil end)
  sock:connect(23, "192.168.4.1")
end

tmr.alarm(0, 1000, tmr.ALARM_AUTO, function()
  if sock == nil and wifi.sta.getip() then connect() end
end)
