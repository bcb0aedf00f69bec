-- Station board: joins "espdesk-demo", connects to the server and says hello every 5 seconds.
print("ESP8266 Client")
wifi.sta.disconnect()
wifi.setmode(wifi.STATION)
wifi.sta.config("espdesk-demo", "demo1234")
wifi.sta.connect()
print("Looking for a connection")

tmr.alarm(1, 2000, 1, function()
  if wifi.sta.getip() ~= nil then
    tmr.stop(1)
    print("Connected!")
    print("Client IP Address:", wifi.sta.getip())
    cl = net.createConnection(net.TCP, 0)
    cl:connect(80, "192.168.4.1")
    tmr.alarm(2, 5000, 1, function()
      cl:send("Hello World!")
    end)
  else
    print("Connecting...")
  end
end)
