// Real Status bodies from API-FACTS §9, each ending in "\n" as the apiserver writes them.
export const STATUS_401 =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}\n';
export const STATUS_403 =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"nodes \\"node-1\\" is forbidden: User \\"system:serviceaccount:monitoring:monitoring-sa\\" cannot get resource \\"nodes/proxy\\" in API group \\"\\" at the cluster scope","reason":"Forbidden","details":{"name":"node-1","kind":"nodes"},"code":403}\n';
export const STATUS_404 =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}\n';
export const STATUS_503 =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"error trying to reach service: dial tcp 10.1.24.156:2468: connect: connection refused","reason":"ServiceUnavailable","code":503}\n';
