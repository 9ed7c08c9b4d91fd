// Generated from src/fixtures/fixtures-schema.ts by scripts/generate.ts (npm run generate). Do not edit.

import * as runtime0Namespace from "./formats.js";
import * as runtime1Namespace from "ajv/dist/runtime/ucs2length.js";
function moduleExports(namespace) {
  return namespace.default && namespace.default.__esModule ? namespace.default : namespace;
}
const runtime0 = moduleExports(runtime0Namespace);
const runtime1 = moduleExports(runtime1Namespace);

export const validateFixtures = validate20;
const schema31 = {"$id":"fixtures","type":"object","additionalProperties":false,"required":["workspaces","teams","apiKeys"],"properties":{"workspaces":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","name","subscription","remainingRequests"],"properties":{"id":{"type":"string","format":"uuid"},"name":{"type":"string","minLength":1},"subscription":{"enum":["active","inactive"]},"remainingRequests":{"type":"integer","minimum":0}}}},"teams":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","workspaceId","name"],"properties":{"id":{"type":"string","format":"uuid"},"workspaceId":{"type":"string","format":"uuid"},"name":{"type":"string","minLength":1}}}},"apiKeys":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["key","workspaceId","teamIds","status","expiresAt"],"properties":{"key":{"type":"string"},"workspaceId":{"type":"string","format":"uuid"},"teamIds":{"type":"array","items":{"type":"string","format":"uuid"},"uniqueItems":true},"status":{"enum":["active","inactive","deleted"]},"expiresAt":{"anyOf":[{"type":"string","format":"date-time"},{"type":"null"}]},"rateLimitPerMinute":{"anyOf":[{"type":"integer","minimum":1},{"type":"null"}]}}}},"folders":{"type":"array","items":{"type":"object","required":["id","teamId"],"properties":{"id":{"type":"string","format":"uuid"},"teamId":{"type":"string","format":"uuid"}}}},"tags":{"type":"array","items":{"type":"object","required":["id","teamId"],"properties":{"id":{"type":"string","format":"uuid"},"teamId":{"type":"string","format":"uuid"}}}},"snippets":{"type":"array","items":{"type":"object","required":["id","teamId"],"properties":{"id":{"type":"string","format":"uuid"},"teamId":{"type":"string","format":"uuid"},"variationIds":{"type":"array","items":{"type":"string","format":"uuid"},"uniqueItems":true}}}}}};
const formats0 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const formats10 = runtime0["date-time"];
const func1 = runtime1.default;

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="fixtures" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.workspaces === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "workspaces"},message:"must have required property '"+"workspaces"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.teams === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "teams"},message:"must have required property '"+"teams"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.apiKeys === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiKeys"},message:"must have required property '"+"apiKeys"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "workspaces") || (key0 === "teams")) || (key0 === "apiKeys")) || (key0 === "folders")) || (key0 === "tags")) || (key0 === "snippets"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.workspaces !== undefined){
let data0 = data.workspaces;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.id === undefined){
const err4 = {instancePath:instancePath+"/workspaces/" + i0,schemaPath:"#/properties/workspaces/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.name === undefined){
const err5 = {instancePath:instancePath+"/workspaces/" + i0,schemaPath:"#/properties/workspaces/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1.subscription === undefined){
const err6 = {instancePath:instancePath+"/workspaces/" + i0,schemaPath:"#/properties/workspaces/items/required",keyword:"required",params:{missingProperty: "subscription"},message:"must have required property '"+"subscription"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1.remainingRequests === undefined){
const err7 = {instancePath:instancePath+"/workspaces/" + i0,schemaPath:"#/properties/workspaces/items/required",keyword:"required",params:{missingProperty: "remainingRequests"},message:"must have required property '"+"remainingRequests"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data1){
if(!((((key1 === "id") || (key1 === "name")) || (key1 === "subscription")) || (key1 === "remainingRequests"))){
const err8 = {instancePath:instancePath+"/workspaces/" + i0,schemaPath:"#/properties/workspaces/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.id !== undefined){
let data2 = data1.id;
if(typeof data2 === "string"){
if(!(formats0.test(data2))){
const err9 = {instancePath:instancePath+"/workspaces/" + i0+"/id",schemaPath:"#/properties/workspaces/items/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/workspaces/" + i0+"/id",schemaPath:"#/properties/workspaces/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.name !== undefined){
let data3 = data1.name;
if(typeof data3 === "string"){
if((data3.length < 2 && func1(data3) < 1)){
const err11 = {instancePath:instancePath+"/workspaces/" + i0+"/name",schemaPath:"#/properties/workspaces/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/workspaces/" + i0+"/name",schemaPath:"#/properties/workspaces/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data1.subscription !== undefined){
let data4 = data1.subscription;
if(!((data4 === "active") || (data4 === "inactive"))){
const err13 = {instancePath:instancePath+"/workspaces/" + i0+"/subscription",schemaPath:"#/properties/workspaces/items/properties/subscription/enum",keyword:"enum",params:{allowedValues: schema31.properties.workspaces.items.properties.subscription.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.remainingRequests !== undefined){
let data5 = data1.remainingRequests;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err14 = {instancePath:instancePath+"/workspaces/" + i0+"/remainingRequests",schemaPath:"#/properties/workspaces/items/properties/remainingRequests/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/workspaces/" + i0+"/remainingRequests",schemaPath:"#/properties/workspaces/items/properties/remainingRequests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
else {
const err16 = {instancePath:instancePath+"/workspaces/" + i0,schemaPath:"#/properties/workspaces/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/workspaces",schemaPath:"#/properties/workspaces/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.teams !== undefined){
let data6 = data.teams;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.id === undefined){
const err18 = {instancePath:instancePath+"/teams/" + i1,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data7.workspaceId === undefined){
const err19 = {instancePath:instancePath+"/teams/" + i1,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "workspaceId"},message:"must have required property '"+"workspaceId"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7.name === undefined){
const err20 = {instancePath:instancePath+"/teams/" + i1,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key2 in data7){
if(!(((key2 === "id") || (key2 === "workspaceId")) || (key2 === "name"))){
const err21 = {instancePath:instancePath+"/teams/" + i1,schemaPath:"#/properties/teams/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.id !== undefined){
let data8 = data7.id;
if(typeof data8 === "string"){
if(!(formats0.test(data8))){
const err22 = {instancePath:instancePath+"/teams/" + i1+"/id",schemaPath:"#/properties/teams/items/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/teams/" + i1+"/id",schemaPath:"#/properties/teams/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.workspaceId !== undefined){
let data9 = data7.workspaceId;
if(typeof data9 === "string"){
if(!(formats0.test(data9))){
const err24 = {instancePath:instancePath+"/teams/" + i1+"/workspaceId",schemaPath:"#/properties/teams/items/properties/workspaceId/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/teams/" + i1+"/workspaceId",schemaPath:"#/properties/teams/items/properties/workspaceId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.name !== undefined){
let data10 = data7.name;
if(typeof data10 === "string"){
if((data10.length < 2 && func1(data10) < 1)){
const err26 = {instancePath:instancePath+"/teams/" + i1+"/name",schemaPath:"#/properties/teams/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/teams/" + i1+"/name",schemaPath:"#/properties/teams/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/teams/" + i1,schemaPath:"#/properties/teams/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/teams",schemaPath:"#/properties/teams/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.apiKeys !== undefined){
let data11 = data.apiKeys;
if(Array.isArray(data11)){
const len2 = data11.length;
for(let i2=0; i2<len2; i2++){
let data12 = data11[i2];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.key === undefined){
const err30 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data12.workspaceId === undefined){
const err31 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/required",keyword:"required",params:{missingProperty: "workspaceId"},message:"must have required property '"+"workspaceId"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data12.teamIds === undefined){
const err32 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/required",keyword:"required",params:{missingProperty: "teamIds"},message:"must have required property '"+"teamIds"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data12.status === undefined){
const err33 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data12.expiresAt === undefined){
const err34 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/required",keyword:"required",params:{missingProperty: "expiresAt"},message:"must have required property '"+"expiresAt"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
for(const key3 in data12){
if(!((((((key3 === "key") || (key3 === "workspaceId")) || (key3 === "teamIds")) || (key3 === "status")) || (key3 === "expiresAt")) || (key3 === "rateLimitPerMinute"))){
const err35 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data12.key !== undefined){
if(typeof data12.key !== "string"){
const err36 = {instancePath:instancePath+"/apiKeys/" + i2+"/key",schemaPath:"#/properties/apiKeys/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12.workspaceId !== undefined){
let data14 = data12.workspaceId;
if(typeof data14 === "string"){
if(!(formats0.test(data14))){
const err37 = {instancePath:instancePath+"/apiKeys/" + i2+"/workspaceId",schemaPath:"#/properties/apiKeys/items/properties/workspaceId/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/apiKeys/" + i2+"/workspaceId",schemaPath:"#/properties/apiKeys/items/properties/workspaceId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data12.teamIds !== undefined){
let data15 = data12.teamIds;
if(Array.isArray(data15)){
const len3 = data15.length;
for(let i3=0; i3<len3; i3++){
let data16 = data15[i3];
if(typeof data16 === "string"){
if(!(formats0.test(data16))){
const err39 = {instancePath:instancePath+"/apiKeys/" + i2+"/teamIds/" + i3,schemaPath:"#/properties/apiKeys/items/properties/teamIds/items/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/apiKeys/" + i2+"/teamIds/" + i3,schemaPath:"#/properties/apiKeys/items/properties/teamIds/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
let i4 = data15.length;
let j0;
if(i4 > 1){
const indices0 = {};
for(;i4--;){
let item0 = data15[i4];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err41 = {instancePath:instancePath+"/apiKeys/" + i2+"/teamIds",schemaPath:"#/properties/apiKeys/items/properties/teamIds/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i4+" are identical)"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
break;
}
indices0[item0] = i4;
}
}
}
else {
const err42 = {instancePath:instancePath+"/apiKeys/" + i2+"/teamIds",schemaPath:"#/properties/apiKeys/items/properties/teamIds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data12.status !== undefined){
let data17 = data12.status;
if(!(((data17 === "active") || (data17 === "inactive")) || (data17 === "deleted"))){
const err43 = {instancePath:instancePath+"/apiKeys/" + i2+"/status",schemaPath:"#/properties/apiKeys/items/properties/status/enum",keyword:"enum",params:{allowedValues: schema31.properties.apiKeys.items.properties.status.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data12.expiresAt !== undefined){
let data18 = data12.expiresAt;
const _errs40 = errors;
let valid13 = false;
const _errs41 = errors;
if(typeof data18 === "string"){
if(!(formats10.validate(data18))){
const err44 = {instancePath:instancePath+"/apiKeys/" + i2+"/expiresAt",schemaPath:"#/properties/apiKeys/items/properties/expiresAt/anyOf/0/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/apiKeys/" + i2+"/expiresAt",schemaPath:"#/properties/apiKeys/items/properties/expiresAt/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid0 = _errs41 === errors;
valid13 = valid13 || _valid0;
const _errs43 = errors;
if(data18 !== null){
const err46 = {instancePath:instancePath+"/apiKeys/" + i2+"/expiresAt",schemaPath:"#/properties/apiKeys/items/properties/expiresAt/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var _valid0 = _errs43 === errors;
valid13 = valid13 || _valid0;
if(!valid13){
const err47 = {instancePath:instancePath+"/apiKeys/" + i2+"/expiresAt",schemaPath:"#/properties/apiKeys/items/properties/expiresAt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
}
if(data12.rateLimitPerMinute !== undefined){
let data19 = data12.rateLimitPerMinute;
const _errs46 = errors;
let valid14 = false;
const _errs47 = errors;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err48 = {instancePath:instancePath+"/apiKeys/" + i2+"/rateLimitPerMinute",schemaPath:"#/properties/apiKeys/items/properties/rateLimitPerMinute/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 1 || isNaN(data19)){
const err49 = {instancePath:instancePath+"/apiKeys/" + i2+"/rateLimitPerMinute",schemaPath:"#/properties/apiKeys/items/properties/rateLimitPerMinute/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
var _valid1 = _errs47 === errors;
valid14 = valid14 || _valid1;
const _errs49 = errors;
if(data19 !== null){
const err50 = {instancePath:instancePath+"/apiKeys/" + i2+"/rateLimitPerMinute",schemaPath:"#/properties/apiKeys/items/properties/rateLimitPerMinute/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var _valid1 = _errs49 === errors;
valid14 = valid14 || _valid1;
if(!valid14){
const err51 = {instancePath:instancePath+"/apiKeys/" + i2+"/rateLimitPerMinute",schemaPath:"#/properties/apiKeys/items/properties/rateLimitPerMinute/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
else {
errors = _errs46;
if(vErrors !== null){
if(_errs46){
vErrors.length = _errs46;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err52 = {instancePath:instancePath+"/apiKeys/" + i2,schemaPath:"#/properties/apiKeys/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/apiKeys",schemaPath:"#/properties/apiKeys/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.folders !== undefined){
let data20 = data.folders;
if(Array.isArray(data20)){
const len4 = data20.length;
for(let i5=0; i5<len4; i5++){
let data21 = data20[i5];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.id === undefined){
const err54 = {instancePath:instancePath+"/folders/" + i5,schemaPath:"#/properties/folders/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data21.teamId === undefined){
const err55 = {instancePath:instancePath+"/folders/" + i5,schemaPath:"#/properties/folders/items/required",keyword:"required",params:{missingProperty: "teamId"},message:"must have required property '"+"teamId"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data21.id !== undefined){
let data22 = data21.id;
if(typeof data22 === "string"){
if(!(formats0.test(data22))){
const err56 = {instancePath:instancePath+"/folders/" + i5+"/id",schemaPath:"#/properties/folders/items/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/folders/" + i5+"/id",schemaPath:"#/properties/folders/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data21.teamId !== undefined){
let data23 = data21.teamId;
if(typeof data23 === "string"){
if(!(formats0.test(data23))){
const err58 = {instancePath:instancePath+"/folders/" + i5+"/teamId",schemaPath:"#/properties/folders/items/properties/teamId/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/folders/" + i5+"/teamId",schemaPath:"#/properties/folders/items/properties/teamId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/folders/" + i5,schemaPath:"#/properties/folders/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/folders",schemaPath:"#/properties/folders/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data.tags !== undefined){
let data24 = data.tags;
if(Array.isArray(data24)){
const len5 = data24.length;
for(let i6=0; i6<len5; i6++){
let data25 = data24[i6];
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.id === undefined){
const err62 = {instancePath:instancePath+"/tags/" + i6,schemaPath:"#/properties/tags/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(data25.teamId === undefined){
const err63 = {instancePath:instancePath+"/tags/" + i6,schemaPath:"#/properties/tags/items/required",keyword:"required",params:{missingProperty: "teamId"},message:"must have required property '"+"teamId"+"'"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(data25.id !== undefined){
let data26 = data25.id;
if(typeof data26 === "string"){
if(!(formats0.test(data26))){
const err64 = {instancePath:instancePath+"/tags/" + i6+"/id",schemaPath:"#/properties/tags/items/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/tags/" + i6+"/id",schemaPath:"#/properties/tags/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data25.teamId !== undefined){
let data27 = data25.teamId;
if(typeof data27 === "string"){
if(!(formats0.test(data27))){
const err66 = {instancePath:instancePath+"/tags/" + i6+"/teamId",schemaPath:"#/properties/tags/items/properties/teamId/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
else {
const err67 = {instancePath:instancePath+"/tags/" + i6+"/teamId",schemaPath:"#/properties/tags/items/properties/teamId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/tags/" + i6,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data.snippets !== undefined){
let data28 = data.snippets;
if(Array.isArray(data28)){
const len6 = data28.length;
for(let i7=0; i7<len6; i7++){
let data29 = data28[i7];
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.id === undefined){
const err70 = {instancePath:instancePath+"/snippets/" + i7,schemaPath:"#/properties/snippets/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data29.teamId === undefined){
const err71 = {instancePath:instancePath+"/snippets/" + i7,schemaPath:"#/properties/snippets/items/required",keyword:"required",params:{missingProperty: "teamId"},message:"must have required property '"+"teamId"+"'"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(data29.id !== undefined){
let data30 = data29.id;
if(typeof data30 === "string"){
if(!(formats0.test(data30))){
const err72 = {instancePath:instancePath+"/snippets/" + i7+"/id",schemaPath:"#/properties/snippets/items/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/snippets/" + i7+"/id",schemaPath:"#/properties/snippets/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data29.teamId !== undefined){
let data31 = data29.teamId;
if(typeof data31 === "string"){
if(!(formats0.test(data31))){
const err74 = {instancePath:instancePath+"/snippets/" + i7+"/teamId",schemaPath:"#/properties/snippets/items/properties/teamId/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/snippets/" + i7+"/teamId",schemaPath:"#/properties/snippets/items/properties/teamId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data29.variationIds !== undefined){
let data32 = data29.variationIds;
if(Array.isArray(data32)){
const len7 = data32.length;
for(let i8=0; i8<len7; i8++){
let data33 = data32[i8];
if(typeof data33 === "string"){
if(!(formats0.test(data33))){
const err76 = {instancePath:instancePath+"/snippets/" + i7+"/variationIds/" + i8,schemaPath:"#/properties/snippets/items/properties/variationIds/items/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
else {
const err77 = {instancePath:instancePath+"/snippets/" + i7+"/variationIds/" + i8,schemaPath:"#/properties/snippets/items/properties/variationIds/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
let i9 = data32.length;
let j1;
if(i9 > 1){
const indices1 = {};
for(;i9--;){
let item1 = data32[i9];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err78 = {instancePath:instancePath+"/snippets/" + i7+"/variationIds",schemaPath:"#/properties/snippets/items/properties/variationIds/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i9+" are identical)"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
break;
}
indices1[item1] = i9;
}
}
}
else {
const err79 = {instancePath:instancePath+"/snippets/" + i7+"/variationIds",schemaPath:"#/properties/snippets/items/properties/variationIds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/snippets/" + i7,schemaPath:"#/properties/snippets/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
else {
const err81 = {instancePath:instancePath+"/snippets",schemaPath:"#/properties/snippets/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

