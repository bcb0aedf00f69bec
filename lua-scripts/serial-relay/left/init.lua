-- Left board: access point and TCP server on port 23. Relays its UART to the TCP peer and back, byte for byte.
wifi.setmode(wifi.SOFTAP)
wifi.ap.config({ssid = "relay", pwd = "relay1234"})
uart.setup(0, 115200, 8, uart.PARITY_NONE, uart.STOPBITS_1, 0)

local peer, pending, busy = nil, "", false

local function pump()                    -- one send in flight; the next from the "sent" callback
  if peer == nil or busy or #pending == 0 then return end
  local chunk = pending:sub(1, 1460)
  pending = pending:sub(1461)
  busy = true
  peer:send(chunk)
end

uart.on("data", 0, function(data)
  pending = pending .. data
  pump()
end, 0)

srv = net.createServer(net.TCP, 600)
srv:listen(23, function(conn)
  peer = conn
  conn:on("receive", function(c, data) uart.write(0, data) end)
  conn:on("sent", function(c) busy = false pump() end)
  conn:on("disconnection", function(c) peer = nil busy = false end)
  pump()
end)
