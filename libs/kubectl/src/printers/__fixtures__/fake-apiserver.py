# A minimal read-only API server for record-custom-columns.sh: discovery for pods, and one PodList.
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
PODS = json.load(open(sys.argv[2]))
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def send(self, obj):
        b = json.dumps(obj).encode()
        self.send_response(200); self.send_header('Content-Type','application/json'); self.send_header('Content-Length', str(len(b))); self.end_headers(); self.wfile.write(b)
    def do_GET(self):
        p = self.path.split('?')[0]
        if p == '/api': return self.send({"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]})
        if p == '/apis': return self.send({"kind":"APIGroupList","apiVersion":"v1","groups":[]})
        if p == '/api/v1': return self.send({"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"pods","singularName":"pod","namespaced":True,"kind":"Pod","verbs":["get","list"],"shortNames":["po"]}]})
        if p.startswith('/api/v1/namespaces/default/pods'): return self.send(PODS)
        self.send_response(404); self.end_headers()
HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
